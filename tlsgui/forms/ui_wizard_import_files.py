# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_import_files.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton)

from tlsgui.widgets.job_progress import JobProgress

class Ui_WizardImportFilesPage(object):
    def setupUi(self, WizardImportFilesPage):
        if not WizardImportFilesPage.objectName():
            WizardImportFilesPage.setObjectName(u"WizardImportFilesPage")
        WizardImportFilesPage.resize(640, 420)
        self.import_form = QFormLayout(WizardImportFilesPage)
        self.import_form.setObjectName(u"import_form")
        self.use_separate = QRadioButton(WizardImportFilesPage)
        self.use_separate.setObjectName(u"use_separate")
        self.use_separate.setChecked(True)

        self.import_form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.use_separate)

        self.cert_label = QLabel(WizardImportFilesPage)
        self.cert_label.setObjectName(u"cert_label")

        self.import_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.cert_label)

        self.cert_row = QHBoxLayout()
        self.cert_row.setObjectName(u"cert_row")
        self.cert_path = QLineEdit(WizardImportFilesPage)
        self.cert_path.setObjectName(u"cert_path")
        self.cert_path.setReadOnly(True)

        self.cert_row.addWidget(self.cert_path)

        self.cert_button = QPushButton(WizardImportFilesPage)
        self.cert_button.setObjectName(u"cert_button")

        self.cert_row.addWidget(self.cert_button)


        self.import_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.cert_row)

        self.key_label = QLabel(WizardImportFilesPage)
        self.key_label.setObjectName(u"key_label")

        self.import_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.key_label)

        self.key_row = QHBoxLayout()
        self.key_row.setObjectName(u"key_row")
        self.key_path = QLineEdit(WizardImportFilesPage)
        self.key_path.setObjectName(u"key_path")
        self.key_path.setReadOnly(True)

        self.key_row.addWidget(self.key_path)

        self.key_button = QPushButton(WizardImportFilesPage)
        self.key_button.setObjectName(u"key_button")

        self.key_row.addWidget(self.key_button)


        self.import_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.key_row)

        self.use_pkcs12 = QRadioButton(WizardImportFilesPage)
        self.use_pkcs12.setObjectName(u"use_pkcs12")

        self.import_form.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.use_pkcs12)

        self.pkcs12_label = QLabel(WizardImportFilesPage)
        self.pkcs12_label.setObjectName(u"pkcs12_label")

        self.import_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.pkcs12_label)

        self.pkcs12_row = QHBoxLayout()
        self.pkcs12_row.setObjectName(u"pkcs12_row")
        self.pkcs12_path = QLineEdit(WizardImportFilesPage)
        self.pkcs12_path.setObjectName(u"pkcs12_path")
        self.pkcs12_path.setReadOnly(True)

        self.pkcs12_row.addWidget(self.pkcs12_path)

        self.pkcs12_button = QPushButton(WizardImportFilesPage)
        self.pkcs12_button.setObjectName(u"pkcs12_button")

        self.pkcs12_row.addWidget(self.pkcs12_button)


        self.import_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.pkcs12_row)

        self.source_progress = JobProgress(WizardImportFilesPage)
        self.source_progress.setObjectName(u"source_progress")

        self.import_form.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.source_progress)

        self.source_status = QLabel(WizardImportFilesPage)
        self.source_status.setObjectName(u"source_status")
        self.source_status.setWordWrap(True)
        self.source_status.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.import_form.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.source_status)

        self.source_error = QLabel(WizardImportFilesPage)
        self.source_error.setObjectName(u"source_error")
        self.source_error.setWordWrap(True)
        self.source_error.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.import_form.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.source_error)

#if QT_CONFIG(shortcut)
        self.cert_label.setBuddy(self.cert_path)
        self.key_label.setBuddy(self.key_path)
        self.pkcs12_label.setBuddy(self.pkcs12_path)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WizardImportFilesPage)

        QMetaObject.connectSlotsByName(WizardImportFilesPage)
    # setupUi

    def retranslateUi(self, WizardImportFilesPage):
        WizardImportFilesPage.setTitle(QCoreApplication.translate("WizardImportFilesPage", u"Your key and certificate", None))
        WizardImportFilesPage.setSubTitle(QCoreApplication.translate("WizardImportFilesPage", u"Both are read and checked before anything is installed; the files themselves are never changed.", None))
        self.use_separate.setText(QCoreApplication.translate("WizardImportFilesPage", u"A &certificate file and its key file", None))
        self.cert_label.setText(QCoreApplication.translate("WizardImportFilesPage", u"Certificate:", None))
        self.cert_path.setPlaceholderText(QCoreApplication.translate("WizardImportFilesPage", u"cert.pem, .crt, .cer, .der or .p7b (with its chain)", None))
        self.cert_button.setText(QCoreApplication.translate("WizardImportFilesPage", u"Choose\u2026", None))
        self.key_label.setText(QCoreApplication.translate("WizardImportFilesPage", u"Private key:", None))
        self.key_path.setPlaceholderText(QCoreApplication.translate("WizardImportFilesPage", u"key.pem or .key (PEM or DER)", None))
        self.key_button.setText(QCoreApplication.translate("WizardImportFilesPage", u"Choose\u2026", None))
        self.use_pkcs12.setText(QCoreApplication.translate("WizardImportFilesPage", u"One &PKCS#12 file (.pfx, .p12) holding both", None))
        self.pkcs12_label.setText(QCoreApplication.translate("WizardImportFilesPage", u"PKCS#12 file:", None))
        self.pkcs12_path.setPlaceholderText(QCoreApplication.translate("WizardImportFilesPage", u".pfx or .p12; its password is asked for", None))
        self.pkcs12_button.setText(QCoreApplication.translate("WizardImportFilesPage", u"Choose\u2026", None))
        self.source_status.setText("")
        self.source_error.setText("")
    # retranslateUi

