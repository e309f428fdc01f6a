# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_request_subject.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QFormLayout, QLabel, QLineEdit, QPlainTextEdit)

from tlsgui.widgets.country_box import CountryBox

class Ui_WizardRequestSubjectPage(object):
    def setupUi(self, WizardRequestSubjectPage):
        if not WizardRequestSubjectPage.objectName():
            WizardRequestSubjectPage.setObjectName(u"WizardRequestSubjectPage")
        WizardRequestSubjectPage.resize(640, 420)
        self.subject_form = QFormLayout(WizardRequestSubjectPage)
        self.subject_form.setObjectName(u"subject_form")
        self.common_name_label = QLabel(WizardRequestSubjectPage)
        self.common_name_label.setObjectName(u"common_name_label")

        self.subject_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.common_name_label)

        self.common_name = QLineEdit(WizardRequestSubjectPage)
        self.common_name.setObjectName(u"common_name")

        self.subject_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.common_name)

        self.country_label = QLabel(WizardRequestSubjectPage)
        self.country_label.setObjectName(u"country_label")

        self.subject_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.country_label)

        self.country = CountryBox(WizardRequestSubjectPage)
        self.country.setObjectName(u"country")

        self.subject_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.country)

        self.state_label = QLabel(WizardRequestSubjectPage)
        self.state_label.setObjectName(u"state_label")

        self.subject_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.state_label)

        self.state = QLineEdit(WizardRequestSubjectPage)
        self.state.setObjectName(u"state")

        self.subject_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.state)

        self.locality_label = QLabel(WizardRequestSubjectPage)
        self.locality_label.setObjectName(u"locality_label")

        self.subject_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.locality_label)

        self.locality = QLineEdit(WizardRequestSubjectPage)
        self.locality.setObjectName(u"locality")

        self.subject_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.locality)

        self.organization_label = QLabel(WizardRequestSubjectPage)
        self.organization_label.setObjectName(u"organization_label")

        self.subject_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.organization_label)

        self.organization = QLineEdit(WizardRequestSubjectPage)
        self.organization.setObjectName(u"organization")

        self.subject_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.organization)

        self.unit_label = QLabel(WizardRequestSubjectPage)
        self.unit_label.setObjectName(u"unit_label")

        self.subject_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.unit_label)

        self.unit = QLineEdit(WizardRequestSubjectPage)
        self.unit.setObjectName(u"unit")

        self.subject_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.unit)

        self.email_label = QLabel(WizardRequestSubjectPage)
        self.email_label.setObjectName(u"email_label")

        self.subject_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email = QLineEdit(WizardRequestSubjectPage)
        self.email.setObjectName(u"email")

        self.subject_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.email)

        self.sans_label = QLabel(WizardRequestSubjectPage)
        self.sans_label.setObjectName(u"sans_label")

        self.subject_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.sans_label)

        self.sans = QPlainTextEdit(WizardRequestSubjectPage)
        self.sans.setObjectName(u"sans")
        self.sans.setTabChangesFocus(True)
        self.sans.setMaximumSize(QSize(16777215, 110))

        self.subject_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.sans)

        self.sans_help = QLabel(WizardRequestSubjectPage)
        self.sans_help.setObjectName(u"sans_help")
        self.sans_help.setWordWrap(True)
        self.sans_help.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.subject_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.sans_help)

        self.subject_error = QLabel(WizardRequestSubjectPage)
        self.subject_error.setObjectName(u"subject_error")
        self.subject_error.setWordWrap(True)
        self.subject_error.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.subject_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.subject_error)

#if QT_CONFIG(shortcut)
        self.common_name_label.setBuddy(self.common_name)
        self.country_label.setBuddy(self.country)
        self.state_label.setBuddy(self.state)
        self.locality_label.setBuddy(self.locality)
        self.organization_label.setBuddy(self.organization)
        self.unit_label.setBuddy(self.unit)
        self.email_label.setBuddy(self.email)
        self.sans_label.setBuddy(self.sans)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WizardRequestSubjectPage)

        QMetaObject.connectSlotsByName(WizardRequestSubjectPage)
    # setupUi

    def retranslateUi(self, WizardRequestSubjectPage):
        WizardRequestSubjectPage.setTitle(QCoreApplication.translate("WizardRequestSubjectPage", u"Who the certificate is for", None))
        WizardRequestSubjectPage.setSubTitle(QCoreApplication.translate("WizardRequestSubjectPage", u"Fields marked * are required. Public CAs check the organization fields; many only need the common name.", None))
        self.common_name_label.setText(QCoreApplication.translate("WizardRequestSubjectPage", u"Common &name *:", None))
        self.common_name.setPlaceholderText(QCoreApplication.translate("WizardRequestSubjectPage", u"www.example.com", None))
        self.country_label.setText(QCoreApplication.translate("WizardRequestSubjectPage", u"&Country:", None))
        self.state_label.setText(QCoreApplication.translate("WizardRequestSubjectPage", u"&State or province:", None))
        self.state.setPlaceholderText(QCoreApplication.translate("WizardRequestSubjectPage", u"e.g. \u00cele-de-France", None))
        self.locality_label.setText(QCoreApplication.translate("WizardRequestSubjectPage", u"&Locality:", None))
        self.locality.setPlaceholderText(QCoreApplication.translate("WizardRequestSubjectPage", u"e.g. Paris", None))
        self.organization_label.setText(QCoreApplication.translate("WizardRequestSubjectPage", u"&Organization:", None))
        self.organization.setPlaceholderText(QCoreApplication.translate("WizardRequestSubjectPage", u"e.g. Example SARL", None))
        self.unit_label.setText(QCoreApplication.translate("WizardRequestSubjectPage", u"Organizational &unit:", None))
        self.unit.setPlaceholderText(QCoreApplication.translate("WizardRequestSubjectPage", u"e.g. IT", None))
        self.email_label.setText(QCoreApplication.translate("WizardRequestSubjectPage", u"&E-mail:", None))
        self.email.setPlaceholderText(QCoreApplication.translate("WizardRequestSubjectPage", u"e.g. admin@example.com", None))
        self.sans_label.setText(QCoreApplication.translate("WizardRequestSubjectPage", u"Other &host names:", None))
        self.sans.setPlaceholderText(QCoreApplication.translate("WizardRequestSubjectPage", u"One per line: shop.example.com, IP:192.0.2.10", None))
        self.sans_help.setText(QCoreApplication.translate("WizardRequestSubjectPage", u"Browsers check only these names (subjectAltName); the common name is always added to them. Prefilled from the project's host names.", None))
        self.subject_error.setText("")
    # retranslateUi

