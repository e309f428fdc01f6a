# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_forward_secrecy_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from tlsgui.widgets.job_progress import JobProgress

class Ui_WizardForwardSecrecyPage(object):
    def setupUi(self, WizardForwardSecrecyPage):
        if not WizardForwardSecrecyPage.objectName():
            WizardForwardSecrecyPage.setObjectName(u"WizardForwardSecrecyPage")
        WizardForwardSecrecyPage.resize(640, 460)
        self.forward_secrecy_layout = QVBoxLayout(WizardForwardSecrecyPage)
        self.forward_secrecy_layout.setObjectName(u"forward_secrecy_layout")
        self.standard_radio = QRadioButton(WizardForwardSecrecyPage)
        self.standard_radio.setObjectName(u"standard_radio")
        self.standard_radio.setChecked(True)

        self.forward_secrecy_layout.addWidget(self.standard_radio)

        self.standard_form = QFormLayout()
        self.standard_form.setObjectName(u"standard_form")
        self.standard_form.setContentsMargins(24, -1, -1, -1)
        self.group_label = QLabel(WizardForwardSecrecyPage)
        self.group_label.setObjectName(u"group_label")

        self.standard_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.group_label)

        self.group_combo = QComboBox(WizardForwardSecrecyPage)
        self.group_combo.setObjectName(u"group_combo")

        self.standard_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.group_combo)

        self.standard_help = QLabel(WizardForwardSecrecyPage)
        self.standard_help.setObjectName(u"standard_help")
        self.standard_help.setWordWrap(True)

        self.standard_form.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.standard_help)


        self.forward_secrecy_layout.addLayout(self.standard_form)

        self.custom_radio = QRadioButton(WizardForwardSecrecyPage)
        self.custom_radio.setObjectName(u"custom_radio")

        self.forward_secrecy_layout.addWidget(self.custom_radio)

        self.custom_form = QFormLayout()
        self.custom_form.setObjectName(u"custom_form")
        self.custom_form.setContentsMargins(24, -1, -1, -1)
        self.bits_label = QLabel(WizardForwardSecrecyPage)
        self.bits_label.setObjectName(u"bits_label")

        self.custom_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.bits_label)

        self.bits_row = QHBoxLayout()
        self.bits_row.setObjectName(u"bits_row")
        self.bits_combo = QComboBox(WizardForwardSecrecyPage)
        self.bits_combo.setObjectName(u"bits_combo")

        self.bits_row.addWidget(self.bits_combo)

        self.generate_button = QPushButton(WizardForwardSecrecyPage)
        self.generate_button.setObjectName(u"generate_button")

        self.bits_row.addWidget(self.generate_button)

        self.bits_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bits_row.addItem(self.bits_spacer)


        self.custom_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.bits_row)

        self.custom_help = QLabel(WizardForwardSecrecyPage)
        self.custom_help.setObjectName(u"custom_help")
        self.custom_help.setWordWrap(True)

        self.custom_form.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.custom_help)

        self.job_progress = JobProgress(WizardForwardSecrecyPage)
        self.job_progress.setObjectName(u"job_progress")

        self.custom_form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.job_progress)


        self.forward_secrecy_layout.addLayout(self.custom_form)

        self.result_label = QLabel(WizardForwardSecrecyPage)
        self.result_label.setObjectName(u"result_label")
        self.result_label.setWordWrap(True)

        self.forward_secrecy_layout.addWidget(self.result_label)

        self.files_label = QLabel(WizardForwardSecrecyPage)
        self.files_label.setObjectName(u"files_label")
        self.files_label.setTextFormat(Qt.RichText)
        self.files_label.setWordWrap(True)

        self.forward_secrecy_layout.addWidget(self.files_label)

        self.forward_secrecy_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.forward_secrecy_layout.addItem(self.forward_secrecy_spacer)

#if QT_CONFIG(shortcut)
        self.group_label.setBuddy(self.group_combo)
        self.bits_label.setBuddy(self.bits_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.standard_radio, self.group_combo)
        QWidget.setTabOrder(self.group_combo, self.custom_radio)
        QWidget.setTabOrder(self.custom_radio, self.bits_combo)
        QWidget.setTabOrder(self.bits_combo, self.generate_button)

        self.retranslateUi(WizardForwardSecrecyPage)

        QMetaObject.connectSlotsByName(WizardForwardSecrecyPage)
    # setupUi

    def retranslateUi(self, WizardForwardSecrecyPage):
        WizardForwardSecrecyPage.setTitle(QCoreApplication.translate("WizardForwardSecrecyPage", u"Forward secrecy: DH parameters", None))
        WizardForwardSecrecyPage.setSubTitle(QCoreApplication.translate("WizardForwardSecrecyPage", u"DHE cipher suites need DH parameters (dhparams.pem); ECDHE suites, which current browsers prefer, do not. 4D reads dhparams.pem next to the project, like key.pem and cert.pem.", None))
        self.standard_radio.setText(QCoreApplication.translate("WizardForwardSecrecyPage", u"Use a &standard group (recommended, instant)", None))
        self.group_label.setText(QCoreApplication.translate("WizardForwardSecrecyPage", u"&Group:", None))
        self.standard_help.setText(QCoreApplication.translate("WizardForwardSecrecyPage", u"The named groups of RFC 7919, checked by many people for years. They are what Mozilla's configuration generator recommends.", None))
        self.custom_radio.setText(QCoreApplication.translate("WizardForwardSecrecyPage", u"&Generate custom DH parameters", None))
        self.bits_label.setText(QCoreApplication.translate("WizardForwardSecrecyPage", u"Si&ze:", None))
        self.generate_button.setText(QCoreApplication.translate("WizardForwardSecrecyPage", u"Generate", None))
        self.custom_help.setText(QCoreApplication.translate("WizardForwardSecrecyPage", u"Takes from seconds to several minutes (4096 bits often longer). It runs in the background and Cancel stops it at once. Custom parameters are not safer than the standard groups; choose them only when a policy asks for them.", None))
    # retranslateUi

