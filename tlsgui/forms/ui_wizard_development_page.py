# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_development_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_WizardDevelopmentPage(object):
    def setupUi(self, WizardDevelopmentPage):
        if not WizardDevelopmentPage.objectName():
            WizardDevelopmentPage.setObjectName(u"WizardDevelopmentPage")
        WizardDevelopmentPage.resize(640, 460)
        self.development_layout = QVBoxLayout(WizardDevelopmentPage)
        self.development_layout.setObjectName(u"development_layout")
        self.trust_warning = QLabel(WizardDevelopmentPage)
        self.trust_warning.setObjectName(u"trust_warning")
        self.trust_warning.setTextFormat(Qt.RichText)
        self.trust_warning.setWordWrap(True)

        self.development_layout.addWidget(self.trust_warning)

        self.development_form = QFormLayout()
        self.development_form.setObjectName(u"development_form")
        self.common_name_label = QLabel(WizardDevelopmentPage)
        self.common_name_label.setObjectName(u"common_name_label")

        self.development_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.common_name_label)

        self.common_name_edit = QLineEdit(WizardDevelopmentPage)
        self.common_name_edit.setObjectName(u"common_name_edit")

        self.development_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.common_name_edit)

        self.sans_label = QLabel(WizardDevelopmentPage)
        self.sans_label.setObjectName(u"sans_label")

        self.development_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sans_label)

        self.sans_edit = QPlainTextEdit(WizardDevelopmentPage)
        self.sans_edit.setObjectName(u"sans_edit")
        self.sans_edit.setTabChangesFocus(True)
        self.sans_edit.setMaximumSize(QSize(16777215, 96))

        self.development_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sans_edit)

        self.key_type_label = QLabel(WizardDevelopmentPage)
        self.key_type_label.setObjectName(u"key_type_label")

        self.development_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.key_type_label)

        self.key_type_combo = QComboBox(WizardDevelopmentPage)
        self.key_type_combo.setObjectName(u"key_type_combo")

        self.development_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.key_type_combo)

        self.days_label = QLabel(WizardDevelopmentPage)
        self.days_label.setObjectName(u"days_label")

        self.development_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.days_label)

        self.days_edit = QLineEdit(WizardDevelopmentPage)
        self.days_edit.setObjectName(u"days_edit")
        self.days_edit.setMaximumSize(QSize(120, 16777215))

        self.development_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.days_edit)


        self.development_layout.addLayout(self.development_form)

        self.problem_label = QLabel(WizardDevelopmentPage)
        self.problem_label.setObjectName(u"problem_label")
        self.problem_label.setWordWrap(True)

        self.development_layout.addWidget(self.problem_label)

        self.files_label = QLabel(WizardDevelopmentPage)
        self.files_label.setObjectName(u"files_label")
        self.files_label.setTextFormat(Qt.RichText)
        self.files_label.setWordWrap(True)

        self.development_layout.addWidget(self.files_label)

        self.key_status_label = QLabel(WizardDevelopmentPage)
        self.key_status_label.setObjectName(u"key_status_label")
        self.key_status_label.setWordWrap(True)

        self.development_layout.addWidget(self.key_status_label)

        self.development_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.development_layout.addItem(self.development_spacer)

#if QT_CONFIG(shortcut)
        self.common_name_label.setBuddy(self.common_name_edit)
        self.sans_label.setBuddy(self.sans_edit)
        self.key_type_label.setBuddy(self.key_type_combo)
        self.days_label.setBuddy(self.days_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.common_name_edit, self.sans_edit)
        QWidget.setTabOrder(self.sans_edit, self.key_type_combo)
        QWidget.setTabOrder(self.key_type_combo, self.days_edit)

        self.retranslateUi(WizardDevelopmentPage)

        QMetaObject.connectSlotsByName(WizardDevelopmentPage)
    # setupUi

    def retranslateUi(self, WizardDevelopmentPage):
        WizardDevelopmentPage.setTitle(QCoreApplication.translate("WizardDevelopmentPage", u"Create a development certificate", None))
        WizardDevelopmentPage.setSubTitle(QCoreApplication.translate("WizardDevelopmentPage", u"A self-signed certificate and a new private key, installed as cert.pem and key.pem, so HTTPS works on this machine while you develop.", None))
        self.trust_warning.setText(QCoreApplication.translate("WizardDevelopmentPage", u"<b>Browsers will not trust this certificate.</b> It is signed by its own key, not by a certification authority, so every browser and 4D client shows a security warning. Use it for development and tests only, never for a public server.", None))
        self.common_name_label.setText(QCoreApplication.translate("WizardDevelopmentPage", u"&Common name:", None))
#if QT_CONFIG(tooltip)
        self.common_name_edit.setToolTip(QCoreApplication.translate("WizardDevelopmentPage", u"The main host name; it is also added to the names below.", None))
#endif // QT_CONFIG(tooltip)
        self.sans_label.setText(QCoreApplication.translate("WizardDevelopmentPage", u"&Names (SANs):", None))
#if QT_CONFIG(tooltip)
        self.sans_edit.setToolTip(QCoreApplication.translate("WizardDevelopmentPage", u"One name per line (or separated by commas): DNS:host.example or IP:192.0.2.10. Browsers check these names, not the common name.", None))
#endif // QT_CONFIG(tooltip)
        self.key_type_label.setText(QCoreApplication.translate("WizardDevelopmentPage", u"&Key type:", None))
        self.days_label.setText(QCoreApplication.translate("WizardDevelopmentPage", u"&Valid for (days):", None))
    # retranslateUi

